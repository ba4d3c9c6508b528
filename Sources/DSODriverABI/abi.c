// Header-only target: see include/dso_driver.h.
