// The plugin entry point: `wmimock conform --target plugin:libexampleco_provider.so`.
#include "register.hpp"

WMIMOCK_PLUGIN(exampleco::registerProvider)
