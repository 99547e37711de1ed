// Out-of-line special members of the provider mocks (see mock_cim_client.cpp).
#include "wmimock/mocks/mock_providers.hpp"

namespace wmimock {

MockInstanceProvider::MockInstanceProvider() = default;
MockInstanceProvider::~MockInstanceProvider() = default;

MockMethodProvider::MockMethodProvider() = default;
MockMethodProvider::~MockMethodProvider() = default;

}  // namespace wmimock
