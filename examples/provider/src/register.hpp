// The one function that hands the ExampleCo provider to wmimock: used by the plugin entry
// point (plugin.cpp) and by the in-process GoogleTest suite (test/).
#pragma once

#include <wmimock/conformance/plugin.hpp>

namespace exampleco {

void registerProvider(wmimock::plugin::Registrar& registrar);

}  // namespace exampleco
