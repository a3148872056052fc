# Helpers shared by every Patchwise target: warnings, Qt strictness defines, tests.

# Warnings and Qt strictness on our own targets (not on anything third-party).
function(patchwise_target_defaults target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic)
  if(PATCHWISE_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
  target_compile_definitions(${target} PRIVATE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_USE_QSTRINGBUILDER
    QT_NO_FOREACH
    QT_NO_KEYWORDS)
endfunction()

# Fails the configure step if <target> links, directly or through its link interface,
# any of the given targets. Used to keep core free of QtGui/QtWidgets.
function(patchwise_forbid_links target)
  set(seen "")
  set(queue ${target})
  while(queue)
    list(POP_FRONT queue current)
    if(current IN_LIST seen)
      continue()
    endif()
    list(APPEND seen ${current})
    if(NOT TARGET ${current})
      continue()
    endif()
    get_target_property(aliased ${current} ALIASED_TARGET)
    if(aliased)
      list(APPEND queue ${aliased})
      continue()
    endif()
    get_target_property(type ${current} TYPE)
    set(deps "")
    if(NOT type STREQUAL "INTERFACE_LIBRARY")
      get_target_property(direct ${current} LINK_LIBRARIES)
      if(direct)
        list(APPEND deps ${direct})
      endif()
    endif()
    get_target_property(iface ${current} INTERFACE_LINK_LIBRARIES)
    if(iface)
      list(APPEND deps ${iface})
    endif()
    foreach(dep IN LISTS deps)
      string(REGEX REPLACE "^\\$<LINK_ONLY:(.*)>$" "\\1" dep "${dep}")
      foreach(forbidden IN LISTS ARGN)
        if(dep STREQUAL forbidden OR dep STREQUAL "${forbidden}Private")
          message(FATAL_ERROR
            "Layering violation: ${target} links ${forbidden} (through ${current}). "
            "core/ must depend on QtCore/QtSql only; move GUI code to ui/.")
        endif()
      endforeach()
      list(APPEND queue ${dep})
    endforeach()
  endwhile()
endfunction()

# add_patchwise_test(<name> SOURCES <files...> LIBS <targets...> [GUI] [LABELS <labels...>])
# Builds a Qt Test executable that links library targets (never re-lists production
# sources) and registers it with ctest. GUI tests run on the offscreen platform.
function(add_patchwise_test name)
  cmake_parse_arguments(arg "GUI" "" "SOURCES;LIBS;LABELS" ${ARGN})
  if(arg_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "add_patchwise_test(${name}): unknown arguments ${arg_UNPARSED_ARGUMENTS}")
  endif()
  add_executable(${name} ${arg_SOURCES})
  target_link_libraries(${name} PRIVATE Qt6::Test ${arg_LIBS})
  patchwise_target_defaults(${name})
  target_compile_definitions(${name} PRIVATE
    PATCHWISE_FIXTURES_DIR="${PATCHWISE_FIXTURES_DIR}"
    PATCHWISE_TEST_DATA_DIR="${CMAKE_CURRENT_SOURCE_DIR}/data")
  add_test(NAME ${name} COMMAND ${name})
  set(labels ${arg_LABELS})
  if(arg_GUI)
    list(APPEND labels gui)
    # Offscreen, and a private settings folder so tests never read or write the user's.
    set_tests_properties(${name} PROPERTIES ENVIRONMENT
      "QT_QPA_PLATFORM=offscreen;XDG_CONFIG_HOME=${CMAKE_CURRENT_BINARY_DIR}/${name}-config")
  endif()
  if(labels)
    set_tests_properties(${name} PROPERTIES LABELS "${labels}")
  endif()
endfunction()
