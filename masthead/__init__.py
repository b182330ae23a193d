"""Masthead: publishing for independent, ad-free, reader-funded newsrooms."""
