"""Reading the files people export from other services (Goodreads, Letterboxd, StoryGraph, IMDb, any CSV)
and the public datasets the bundled catalogs are built from. Pure Python over files: no database, no models."""
