# Installs headers, libraries, the wmimock CLI and a relocatable WmiMock CMake package.
include(CMakePackageConfigHelpers)

get_property(include_dirs GLOBAL PROPERTY WMIMOCK_INCLUDE_DIRS)
list(REMOVE_DUPLICATES include_dirs)
foreach(dir IN LISTS include_dirs)
    if(EXISTS "${dir}/wmimock")
        install(DIRECTORY "${dir}/wmimock" DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
    endif()
endforeach()

get_property(exported_targets GLOBAL PROPERTY WMIMOCK_EXPORTED_TARGETS)
install(TARGETS ${exported_targets}
    EXPORT WmiMockTargets
    ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
    LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
    RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
if(TARGET wmimock)
    install(TARGETS wmimock EXPORT WmiMockTargets RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
endif()

set(WMIMOCK_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/WmiMock)
install(EXPORT WmiMockTargets NAMESPACE wmimock:: DESTINATION ${WMIMOCK_CMAKE_DIR})
configure_package_config_file(cmake/WmiMockConfig.cmake.in
    "${PROJECT_BINARY_DIR}/WmiMockConfig.cmake" INSTALL_DESTINATION ${WMIMOCK_CMAKE_DIR})
write_basic_package_version_file("${PROJECT_BINARY_DIR}/WmiMockConfigVersion.cmake"
    COMPATIBILITY SameMinorVersion)
install(FILES "${PROJECT_BINARY_DIR}/WmiMockConfig.cmake" "${PROJECT_BINARY_DIR}/WmiMockConfigVersion.cmake"
    DESTINATION ${WMIMOCK_CMAKE_DIR})
install(DIRECTORY fixtures/ DESTINATION ${CMAKE_INSTALL_DATADIR}/wmimock/fixtures)
