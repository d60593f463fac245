"""Commands' writes: safe fixes, imports, and atomic replacement of files."""
