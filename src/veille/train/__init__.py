"""Train event-type classifiers on a user's own coded records and apply them in place of the default coder."""
