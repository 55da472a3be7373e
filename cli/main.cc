// Placeholder entry point while the command line is written (see cli/).
int main() { return 0; }
