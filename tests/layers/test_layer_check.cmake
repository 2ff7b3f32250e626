# A layer check that cannot fail proves nothing. In a scratch tree this plants an upward
# include and forbidden third-party headers, and shows cmake/check_layers.cmake refusing
# each (naming the file and the layer), while the tree without them passes.
# Run as: cmake -DSOURCE_DIR=<repository> -DSCRATCH=<empty directory> -P test_layer_check.cmake
if(NOT SOURCE_DIR OR NOT SCRATCH)
  message(FATAL_ERROR "test_layer_check: give -DSOURCE_DIR and -DSCRATCH")
endif()
set(failures 0)

# Runs the check on layer LAYER of the scratch tree; SHOULD_FAIL says whether it must
# refuse, and TEXT what its message must then contain.
function(expect layer should_fail text)
  execute_process(COMMAND ${CMAKE_COMMAND} -DSOURCE_DIR=${SCRATCH} -DLAYER=${layer} -P ${SOURCE_DIR}/cmake/check_layers.cmake
                  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  set(said "${out}${err}")
  if(should_fail AND rc EQUAL 0)
    message(SEND_ERROR "layer '${layer}': the check passed a tree it must refuse (${text})")
  elseif(NOT should_fail AND NOT rc EQUAL 0)
    message(SEND_ERROR "layer '${layer}': the check refused a clean tree:\n${said}")
  elseif(should_fail AND NOT said MATCHES "${text}")
    message(SEND_ERROR "layer '${layer}': refused, but without '${text}':\n${said}")
  else()
    message(STATUS "ok: layer '${layer}' ${text}")
  endif()
endfunction()

file(REMOVE_RECURSE ${SCRATCH})
foreach(layer base model config sim statistics hdf5 output report app cli)
  file(MAKE_DIRECTORY ${SCRATCH}/engine/${layer} ${SCRATCH}/include/escalate/${layer})
endforeach()

# A clean tree: each layer includes its own headers, the layers below, and what it may see.
file(WRITE ${SCRATCH}/engine/model/clean.cpp "#include \"escalate/model/phase.hpp\"\n#include \"escalate/base/error.hpp\"\n#include <Random123/philox.h>\n")
file(WRITE ${SCRATCH}/engine/hdf5/clean.cpp "#include \"escalate/base/error.hpp\"\n#include <hdf5.h>\n")
file(WRITE ${SCRATCH}/engine/output/clean.cpp "#include \"escalate/sim/driver.hpp\"\n#include \"escalate/hdf5/hdf5_writer.hpp\"\n")
file(WRITE ${SCRATCH}/engine/app/clean.cpp "#include \"escalate/report/summary.hpp\"\n#include \"escalate/app/run.hpp\"\n")
file(WRITE ${SCRATCH}/engine/cli/clean.cpp "#include \"escalate/app/run.hpp\"\n#include <CLI/CLI.hpp>\n")
foreach(layer base model config sim statistics hdf5 output report app cli)
  expect(${layer} FALSE "passes a clean tree")
endforeach()

# An upward include in the model.
file(WRITE ${SCRATCH}/engine/model/upward.cpp "// planted\n#include \"escalate/output/result_file.hpp\"\n")
expect(model TRUE "upward.cpp: includes layer 'output', above 'model'")
file(REMOVE ${SCRATCH}/engine/model/upward.cpp)
# The output layer may not call the services above it.
file(WRITE ${SCRATCH}/include/escalate/output/upward.hpp "#include \"escalate/app/run.hpp\"\n")
expect(output TRUE "upward.hpp: includes layer 'app', above 'output'")
file(REMOVE ${SCRATCH}/include/escalate/output/upward.hpp)
# Third-party headers a layer may not see.
file(WRITE ${SCRATCH}/engine/model/hdf5.cpp "#include <hdf5.h>\n")
expect(model TRUE "<hdf5.h> is not allowed in layer 'model'")
file(REMOVE ${SCRATCH}/engine/model/hdf5.cpp)
# Statistics is below the files: it may not write one.
file(WRITE ${SCRATCH}/engine/statistics/writes.cpp "#include \"escalate/hdf5/hdf5_writer.hpp\"\n")
expect(statistics TRUE "writes.cpp: includes layer 'hdf5', above 'statistics'")
file(REMOVE ${SCRATCH}/engine/statistics/writes.cpp)
# The file kinds are below what is printed: output may not use a report.
file(WRITE ${SCRATCH}/engine/output/prints.cpp "#include \"escalate/report/summary.hpp\"\n")
expect(output TRUE "prints.cpp: includes layer 'report', above 'output'")
file(REMOVE ${SCRATCH}/engine/output/prints.cpp)
# <hdf5.h> appears only in the hdf5 layer, which sees nothing above base.
file(WRITE ${SCRATCH}/include/escalate/output/raw.hpp "#include <hdf5.h>\n")
expect(output TRUE "<hdf5.h> is not allowed in layer 'output'")
file(REMOVE ${SCRATCH}/include/escalate/output/raw.hpp)
file(WRITE ${SCRATCH}/engine/hdf5/upward.cpp "#include \"escalate/sim/driver.hpp\"\n")
expect(hdf5 TRUE "upward.cpp: includes layer 'sim', above 'hdf5'")
file(REMOVE ${SCRATCH}/engine/hdf5/upward.cpp)
file(WRITE ${SCRATCH}/engine/sim/files.cpp "#include \"escalate/hdf5/hdf5_writer.hpp\"\n")
expect(sim TRUE "files.cpp: includes layer 'hdf5', above 'sim'")
file(REMOVE ${SCRATCH}/engine/sim/files.cpp)
file(WRITE ${SCRATCH}/include/escalate/app/cli11.hpp "#include <CLI/CLI.hpp>\n")
expect(app TRUE "<CLI/CLI.hpp> is not allowed in layer 'app'")
file(REMOVE ${SCRATCH}/include/escalate/app/cli11.hpp)
file(WRITE ${SCRATCH}/include/escalate/config/toml.hpp "#include <toml++/toml.hpp>\n")
expect(config TRUE "<toml\\+\\+/toml.hpp> is not allowed in layer 'config'")
file(REMOVE ${SCRATCH}/include/escalate/config/toml.hpp)
file(REMOVE_RECURSE ${SCRATCH})
