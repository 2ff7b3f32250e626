# The fixture of the Python tests: a venv in the build directory with the escalate package
# installed the way README.md and docs/loading.md say (python3 -m venv
# --system-site-packages; pip install --no-build-isolation; no network). pip builds in the
# package's folder, so a copy of python/ is installed and the source tree stays clean.
# cmake -DPYTHON=... -DVENV=... -DSOURCE=.../python -DCOPY=... -P install_package.cmake
foreach(var PYTHON VENV SOURCE COPY)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "install_package.cmake: -D${var}=... is required")
  endif()
endforeach()
file(REMOVE_RECURSE ${COPY})
file(COPY ${SOURCE}/ DESTINATION ${COPY} PATTERN "__pycache__" EXCLUDE PATTERN "*.egg-info" EXCLUDE
     PATTERN "build" EXCLUDE)
if(NOT EXISTS ${VENV}/bin/python)
  execute_process(COMMAND ${PYTHON} -m venv --system-site-packages ${VENV} RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${PYTHON} -m venv failed (Debian: apt-get install python3-venv)")
  endif()
endif()
execute_process(COMMAND ${VENV}/bin/pip install --no-build-isolation --no-index --no-deps
                        --disable-pip-version-check -q ${COPY}
                RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "pip install of ${SOURCE} into ${VENV} failed (Debian: python3-pip, python3-setuptools)")
endif()
execute_process(COMMAND ${VENV}/bin/python -c "import escalate, escalate.plots.figures, escalate.fit, escalate.calibrate.likelihood"
                RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "the escalate package does not import in ${VENV}")
endif()
