// Graphviz 2.43 and the font libraries it loads (fontconfig, pango, glib) keep caches
// that they never free; LeakSanitizer reports them at exit in every test that renders.
// They are not ours to fix, so the actorgraph binary and the test binaries (which link
// this file too, see tests/CMakeLists.txt) suppress leaks whose allocation happened
// inside those libraries. A leak in our own code still fails the run. Without
// sanitizers nothing calls these functions.
extern "C" const char* __lsan_default_suppressions() {
  return "leak:libgvc.so\n"
         "leak:libcgraph.so\n"
         "leak:libgvplugin_\n"
         "leak:libfontconfig.so\n"
         "leak:libpango\n"
         "leak:libglib-2.0.so\n"
         "leak:libgobject-2.0.so\n"
         "leak:libcairo.so\n";
}

// Without this, LeakSanitizer lists the suppressed leaks on every run.
extern "C" const char* __lsan_default_options() { return "print_suppressions=0"; }
