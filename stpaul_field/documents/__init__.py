"""Documents made from the store: attendance sheets (PDF and print through Qt's own engine)."""
