"""HTTP routes: /v1 extraction and metadata, health, and the web page."""
