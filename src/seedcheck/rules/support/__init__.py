"""What more than one rule reads of a seed's body: repeated passages and teasers."""
