# Helpers every wmimock library uses, so that all of them get the same C++ standard,
# warnings, include layout and namespaced alias (wmimock::<name>).

function(wmimock_set_warnings target)
    if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
        target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic)
        if(WMIMOCK_WARNINGS_AS_ERRORS)
            target_compile_options(${target} PRIVATE -Werror)
        endif()
    endif()
endfunction()

# wmimock_add_library(<name> [INTERFACE] SOURCES ... INCLUDE_DIR dir PUBLIC_DEPS ... PRIVATE_DEPS ...)
# Creates target wmimock_<name>, alias wmimock::<name>, export name <name>.
function(wmimock_add_library name)
    cmake_parse_arguments(ARG "INTERFACE" "INCLUDE_DIR" "SOURCES;PUBLIC_DEPS;PRIVATE_DEPS" ${ARGN})
    set(target wmimock_${name})
    if(NOT ARG_INCLUDE_DIR)
        set(ARG_INCLUDE_DIR "${CMAKE_CURRENT_SOURCE_DIR}/include")
    endif()
    if(ARG_INTERFACE)
        add_library(${target} INTERFACE)
        target_include_directories(${target} INTERFACE
            $<BUILD_INTERFACE:${ARG_INCLUDE_DIR}> $<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>)
        target_link_libraries(${target} INTERFACE ${ARG_PUBLIC_DEPS})
        target_compile_features(${target} INTERFACE cxx_std_20)
    else()
        add_library(${target} ${ARG_SOURCES})
        target_include_directories(${target} PUBLIC
            $<BUILD_INTERFACE:${ARG_INCLUDE_DIR}> $<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>)
        target_link_libraries(${target} PUBLIC ${ARG_PUBLIC_DEPS} PRIVATE ${ARG_PRIVATE_DEPS})
        target_compile_features(${target} PUBLIC cxx_std_20)
        set_target_properties(${target} PROPERTIES CXX_EXTENSIONS OFF POSITION_INDEPENDENT_CODE ON)
        wmimock_set_warnings(${target})
    endif()
    set_target_properties(${target} PROPERTIES EXPORT_NAME ${name})
    add_library(wmimock::${name} ALIAS ${target})
    set_property(GLOBAL APPEND PROPERTY WMIMOCK_EXPORTED_TARGETS ${target})
    set_property(GLOBAL APPEND PROPERTY WMIMOCK_INCLUDE_DIRS "${ARG_INCLUDE_DIR}")
endfunction()

# wmimock_add_test(<name> SOURCES ... LIBS ... [LABELS label] [COST n] [WAITS]): a GoogleTest
# executable whose tests are discovered one by one into ctest. WMIMOCK_SOURCE_DIR /
# WMIMOCK_SHARED_DIR are passed as compile definitions so tests find fixtures and ../shared
# without relying on the cwd. COST makes ctest start long tests first, so they overlap the
# short ones even on a clean build that has no timing history.
# Each test takes one slot of a ctest resource (tests/ctest_resources.json, used by the test
# presets): "cpu" for tests that compute, "clock" for WAITS tests, which spend their time
# waiting on the real clock and can run many at a time beside the ones that compute.
function(wmimock_add_test name)
    cmake_parse_arguments(ARG "WAITS" "COST" "SOURCES;LIBS;LABELS" ${ARGN})
    set(resource "cpu:1")
    if(ARG_WAITS)
        set(resource "clock:1")
    endif()
    if(NOT ARG_COST)
        set(ARG_COST 0)
    endif()
    add_executable(${name} ${ARG_SOURCES})
    target_link_libraries(${name} PRIVATE ${ARG_LIBS} GTest::gmock GTest::gtest_main)
    target_compile_definitions(${name} PRIVATE
        WMIMOCK_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
        WMIMOCK_SHARED_DIR="${PROJECT_SOURCE_DIR}/../shared"
        WMIMOCK_BINARY_DIR="${PROJECT_BINARY_DIR}")
    set_target_properties(${name} PROPERTIES CXX_EXTENSIONS OFF)
    wmimock_set_warnings(${name})
    include(GoogleTest)
    # gtest_discover_tests flattens property values, so a list of labels would break apart.
    list(LENGTH ARG_LABELS label_count)
    if(label_count GREATER 1)
        message(FATAL_ERROR "wmimock_add_test(${name}): one LABELS value, not ${label_count}")
    endif()
    set(properties COST ${ARG_COST} RESOURCE_GROUPS "${resource}")
    if(ARG_LABELS)  # an empty value would swallow the next property's name
        list(APPEND properties LABELS "${ARG_LABELS}")
    endif()
    gtest_discover_tests(${name} DISCOVERY_TIMEOUT 60 PROPERTIES ${properties})
endfunction()

# Tests added with add_test() (client scripts, package builds) compute: each takes a "cpu"
# slot unless it names its own resource. Called at the end of a directory that adds some
# (CMake 3.25 sets test properties only in the directory that made the test).
function(wmimock_tests_take_a_core)
    get_property(tests DIRECTORY PROPERTY TESTS)
    foreach(test IN LISTS tests)
        get_test_property(${test} RESOURCE_GROUPS groups)
        if(NOT groups)
            set_tests_properties(${test} PROPERTIES RESOURCE_GROUPS "cpu:1")
        endif()
    endforeach()
endfunction()
