"""Digital Policy Atlas converter: source texts -> document model -> Markdown pages."""
