"""Reading: files and folders in, Sources out (text decoded, HTML extracted, long texts cut into parts)."""
