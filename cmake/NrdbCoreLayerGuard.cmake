# The core layer may use Qt Core, Sql and Concurrent only. Qt's include root is on every Qt
# target's path, so <QtWidgets/QWidget> would otherwise compile in core/. This generates a
# directory that shadows every Qt Widgets and Qt Gui header with an #error, and puts it first
# on the include path of the core layer's targets.
set(NRDB_CORE_LAYER_GUARD_DIR "${CMAKE_BINARY_DIR}/core-layer-guard")

function(nrdb_generate_core_layer_guard)
    get_target_property(qt_core_includes Qt6::Core INTERFACE_INCLUDE_DIRECTORIES)
    set(qt_include_root "")
    foreach(dir IN LISTS qt_core_includes)
        if(EXISTS "${dir}/QtWidgets" AND EXISTS "${dir}/QtGui")
            set(qt_include_root "${dir}")
        endif()
    endforeach()
    if(NOT qt_include_root)
        message(FATAL_ERROR "Qt's include root (with QtWidgets/ and QtGui/) was not found in ${qt_core_includes}")
    endif()
    set(stamp "${NRDB_CORE_LAYER_GUARD_DIR}/.generated-from")
    if(EXISTS "${stamp}")
        file(READ "${stamp}" previous_root)
        if(previous_root STREQUAL qt_include_root)
            return()
        endif()
    endif()
    file(REMOVE_RECURSE "${NRDB_CORE_LAYER_GUARD_DIR}")
    foreach(module QtWidgets QtGui)
        file(GLOB headers RELATIVE "${qt_include_root}/${module}" "${qt_include_root}/${module}/*")
        foreach(header IN LISTS headers)
            set(text "#error \"nrdb_core may not use ${module} (<${module}/${header}>): the core layer is Qt Core, Sql and Concurrent only; put widget code in ui/\"\n")
            file(WRITE "${NRDB_CORE_LAYER_GUARD_DIR}/${module}/${header}" "${text}")
            # Class headers (<QWidget>) resolve through QtWidgets/ on the include path too; the
            # module headers <QtWidgets> and <QtGui> are directories here, so they fail anyway.
            if(NOT header MATCHES "\\.h$" AND NOT header STREQUAL "QtWidgets" AND NOT header STREQUAL "QtGui")
                file(WRITE "${NRDB_CORE_LAYER_GUARD_DIR}/${header}" "${text}")
            endif()
        endforeach()
    endforeach()
    file(WRITE "${stamp}" "${qt_include_root}")
endfunction()

nrdb_generate_core_layer_guard()

function(nrdb_apply_core_layer_guard target)
    target_include_directories(${target} BEFORE PRIVATE "${NRDB_CORE_LAYER_GUARD_DIR}")
endfunction()
