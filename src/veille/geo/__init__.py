"""Geocoding: gazetteer index, name normalisation and resolution of place mentions."""
