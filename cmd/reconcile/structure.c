#include "structure.h"

void check_structure(checker *c, const char *stage) { (void)c; (void)stage; }
