"""Compare quizgen's language check with langdetect (docs/input-formats.md, "Language").

    pip install langdetect   # not a quizgen dependency
    PYTHONPATH=. python benchmarks/language_check.py
"""

import glob, json, sys, time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

ES = ["Cristóbal Colón regresó a España en marzo de 1493 con unos pocos indígenas y algo de oro. Los Reyes Católicos lo recibieron en Barcelona y le concedieron el título de almirante.",
"La Guerra Civil española comenzó en julio de 1936 tras un golpe de Estado contra el gobierno de la Segunda República. El conflicto terminó en abril de 1939 con la victoria del bando sublevado.",
"El río Amazonas es el más caudaloso del mundo. Nace en los Andes del Perú y desemboca en el océano Atlántico, en Brasil, después de recorrer unos siete mil kilómetros."]
FR = ["La ville de Lyon est située au confluent du Rhône et de la Saône. Elle a été fondée par les Romains en 43 avant Jésus-Christ sous le nom de Lugdunum.",
"La Révolution française commence en 1789 avec la réunion des états généraux à Versailles. Le 14 juillet, le peuple de Paris prend la Bastille.",
"Marie Curie est née à Varsovie en 1867. Elle s'installe à Paris en 1891 pour étudier à la Sorbonne, où elle rencontre Pierre Curie."]
DE = ["Die Stadt Hamburg liegt an der Elbe und ist mit fast zwei Millionen Einwohnern die zweitgrößte Stadt Deutschlands. Im Mittelalter war sie ein wichtiges Mitglied der Hanse.",
"Der Bau der Berliner Mauer begann am 13. August 1961. Sie trennte bis zum 9. November 1989 den Ostteil vom Westteil der Stadt.",
"Johann Sebastian Bach wurde 1685 in Eisenach geboren. Er war Thomaskantor in Leipzig und schrieb mehr als tausend Werke für Orgel, Chor und Orchester."]
IT = ["Leonardo da Vinci nacque ad Anchiano, vicino a Vinci, nel 1452. Fu pittore, ingegnere e scienziato, e dipinse la Gioconda e il Cenacolo."]
PT = ["Pedro Álvares Cabral chegou ao Brasil em abril de 1500 com uma frota de treze navios. A região foi depois colonizada pelos portugueses."]
NL = ["Amsterdam is de hoofdstad van Nederland. De stad ontstond in de dertiende eeuw rond een dam in de rivier de Amstel en groeide in de Gouden Eeuw uit tot een wereldhaven."]
EN_NAMES = ["Señor José García Márquez and Jean-Pierre Dubois met Hans von Müller in São Paulo on 12 May 1998.",
"Gabriel García Márquez won the Nobel Prize in 1982. His novel Cien años de soledad was published in Buenos Aires in 1967.",
"The Tour de France, the Giro d'Italia and the Vuelta a España are cycling's grand tours. Eddy Merckx won the Tour five times.",
"Fidel Castro released 200 prisoners in 1998.",
"Pope Francis visited Cuba in 2015.",
"Le Monde, El País and Die Zeit reported the news on Monday, quoting Angela Merkel and Emmanuel Macron."]



def main() -> None:
    from quizgen.read.text import language_warning

    english = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))
               + sorted((ROOT / "tests" / "texts").glob("*.txt"))]
    prompts = sorted({json.loads(line)["question"] for p in glob.glob(str(ROOT / "benchmarks/reviews/*/sheet.jsonl"))
                      for line in open(p, encoding="utf-8")})
    foreign = ES + FR + DE + IT + PT + NL
    detectors = [("quizgen", lambda t: language_warning(t) is not None)]
    try:
        from langdetect import DetectorFactory, detect

        DetectorFactory.seed = 0

        def other(t: str) -> bool:
            try:
                return detect(t) != "en"
            except Exception:
                return False

        detectors.append(("langdetect", other))
    except ImportError:
        print("langdetect is not installed: only quizgen's rule is measured")
    for name, flags in detectors:
        started = time.perf_counter()
        caught = sum(map(flags, foreign))
        long_fp, short_fp, names_fp = sum(map(flags, english)), sum(map(flags, prompts)), sum(map(flags, EN_NAMES))
        print(f"{name:10}  foreign caught {caught}/{len(foreign)}; English flagged: texts {long_fp}/{len(english)}, "
              f"questions {short_fp}/{len(prompts)}, with foreign names {names_fp}/{len(EN_NAMES)}; "
              f"{time.perf_counter() - started:.2f} s")


if __name__ == "__main__":
    main()
