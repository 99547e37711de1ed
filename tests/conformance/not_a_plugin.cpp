// A shared library that is not a wmimock plugin (no entry points).
extern "C" int not_a_wmimock_plugin() {
    return 42;
}
