"""`planlib bench`: build synthetic libraries and print the figures that matter."""
