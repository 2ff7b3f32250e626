# Writes version.hpp with the current git hash; runs at every build, rewrites only on change.
execute_process(COMMAND git rev-parse --short=12 HEAD WORKING_DIRECTORY ${SOURCE_DIR}
  OUTPUT_VARIABLE ESCALATE_GIT_SHA OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
execute_process(COMMAND git status --porcelain --untracked-files=no WORKING_DIRECTORY ${SOURCE_DIR}
  OUTPUT_VARIABLE ESCALATE_GIT_DIRTY OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
if(NOT ESCALATE_GIT_SHA)
  set(ESCALATE_GIT_SHA "unknown")
elseif(ESCALATE_GIT_DIRTY)
  set(ESCALATE_GIT_SHA "${ESCALATE_GIT_SHA}-dirty")
endif()
configure_file(${SOURCE_DIR}/include/escalate/version.hpp.in ${OUTPUT} @ONLY)
