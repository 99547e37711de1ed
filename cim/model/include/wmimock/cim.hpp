// Umbrella header for the CIM object model.
#pragma once

#include "wmimock/cim/cim_class.hpp"
#include "wmimock/cim/cim_type.hpp"
#include "wmimock/cim/datetime.hpp"
#include "wmimock/cim/error.hpp"
#include "wmimock/cim/instance.hpp"
#include "wmimock/cim/names.hpp"
#include "wmimock/cim/object_path.hpp"
#include "wmimock/cim/qualifier.hpp"
#include "wmimock/cim/shared_string.hpp"
#include "wmimock/cim/value.hpp"
#include "wmimock/cim/well_known.hpp"
