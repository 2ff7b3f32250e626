# Fails the build when a file of layer LAYER includes something its layer may not see.
# Run as: cmake -DSOURCE_DIR=... -DLAYER=model -P cmake/check_layers.cmake
# Layers link only downward:
#   base -> model -> config -> sim -> statistics -> output -> report -> app -> cli.
set(order base model config sim statistics output report app cli)
# Beside the chain: infer (docs/inference.md) sees only base, and sim and above may use it;
# hdf5 (HDF5 files as such: handle, writer, reader, publish, seal) sees only base, and
# output and above may use it.
if(LAYER STREQUAL "infer" OR LAYER STREQUAL "hdf5")
  set(order base ${LAYER})
endif()
list(FIND order ${LAYER} rank)
if(rank LESS 0)
  message(FATAL_ERROR "check_layers: unknown layer '${LAYER}'")
endif()
list(SUBLIST order 0 ${rank} below)
list(APPEND below ${LAYER})
list(FIND order sim sim_rank)
list(FIND order output output_rank)
if(sim_rank GREATER_EQUAL 0 AND NOT rank LESS sim_rank)
  list(APPEND below infer)
endif()
if(output_rank GREATER_EQUAL 0 AND NOT rank LESS output_rank)
  list(APPEND below hdf5)
endif()

# Third-party headers each layer may NOT include (regular expressions on the include path).
set(forbidden_base    "^(toml\\+\\+|hdf5|H5|oneapi|tbb|mpi|CLI|Random123|boost)")
set(forbidden_model   "^(toml\\+\\+|hdf5|H5|oneapi|tbb|mpi|CLI)")
set(forbidden_config  "^(hdf5|H5|oneapi|tbb|mpi|CLI)")
set(forbidden_sim     "^(toml\\+\\+|hdf5|H5|CLI)")
set(forbidden_hdf5    "^(toml\\+\\+|oneapi|tbb|mpi|CLI|Random123|boost)")  # the one place <hdf5.h> appears
set(forbidden_statistics "^(toml\\+\\+|hdf5|H5|oneapi|tbb|mpi|CLI)")
set(forbidden_output  "^(toml\\+\\+|hdf5|H5|oneapi|tbb|mpi|CLI)")
set(forbidden_report  "^(toml\\+\\+|hdf5|H5|oneapi|tbb|mpi|CLI)")
set(forbidden_app     "^(toml\\+\\+|hdf5|H5|oneapi|tbb|mpi|CLI)")
set(forbidden_infer   "^(toml\\+\\+|hdf5|H5|oneapi|tbb|mpi|CLI)")
set(forbidden_cli     "^(toml\\+\\+|hdf5|H5|oneapi|tbb|mpi)")

file(GLOB files ${SOURCE_DIR}/engine/${LAYER}/*.cpp ${SOURCE_DIR}/engine/${LAYER}/*.hpp
                ${SOURCE_DIR}/include/escalate/${LAYER}/*.hpp)
set(errors "")
foreach(f ${files})
  file(STRINGS ${f} lines REGEX "^[ \t]*#[ \t]*include")
  # toml++ is private to the config layer's sources: never in a public header.
  set(pattern "${forbidden_${LAYER}}")
  if(LAYER STREQUAL "config" AND f MATCHES "/include/")
    set(pattern "^(toml\\+\\+|hdf5|H5|oneapi|tbb|mpi|CLI)")
  endif()
  foreach(line ${lines})
    if(line MATCHES "#[ \t]*include[ \t]*<([^>]+)>")
      set(header "${CMAKE_MATCH_1}")
      if(header MATCHES "${pattern}")
        string(APPEND errors "  ${f}: <${header}> is not allowed in layer '${LAYER}'\n")
      endif()
    elseif(line MATCHES "#[ \t]*include[ \t]*\"escalate/([a-z0-9_]+)/")
      list(FIND below ${CMAKE_MATCH_1} ok)
      if(ok LESS 0)
        string(APPEND errors "  ${f}: includes layer '${CMAKE_MATCH_1}', above '${LAYER}'\n")
      endif()
    endif()
  endforeach()
endforeach()
if(errors)
  message(FATAL_ERROR "Layering violations (layers link only downward; see docs/architecture.md):\n${errors}")
endif()
