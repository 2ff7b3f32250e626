# Reads Escalate's run, comparison and sweep files with R's ncdf4 (Debian r-cran-ncdf4), as
# docs/loading.md shows: every variable with its units, P(war by t) with calendar dates,
# all global attributes, with no warning of any kind (ncdf4 prints one for each 8-byte
# attribute, and cannot open variables with compact storage at all).
# Usage: Rscript read_with_ncdf4.R START_DATE RUN.h5 COMPARE.h5 DATED_GROUP SWEEP.h5 DOC_SNIPPET.R
suppressPackageStartupMessages(library(ncdf4))
args <- commandArgs(trailingOnly = TRUE)
start <- as.Date(args[1])
run_file <- args[2]; compare_file <- args[3]; dated_group <- args[4]; sweep_file <- args[5]; snippet <- args[6]
failures <- 0
check <- function(ok, what) {
  if (isTRUE(ok)) cat("ok:", what, "\n") else { cat("FAIL:", what, "\n"); failures <<- failures + 1 }
}
# Runs `expr`; returns what it printed. A warning (R's or one printed by ncdf4) fails the check.
quietly <- function(what, expr) {
  warned <- character(0)
  printed <- withCallingHandlers(capture.output(expr),
                                 warning = function(w) { warned <<- c(warned, conditionMessage(w)); invokeRestart("muffleWarning") })
  printed <- c(printed, warned)
  noisy <- grep("WARNING|[Ww]arning", printed, value = TRUE)
  check(length(noisy) == 0, paste(what, "without warnings", if (length(noisy)) paste(":", noisy[1]) else ""))
  invisible(printed)
}
mixed <- c("draws/parameters", "sweep/value", "sweep/restraint_institutions")  # in the units of config keys: none given
dates_of <- function(nc, time) {
  units <- ncatt_get(nc, time, "units")$value
  check(grepl("^days since [0-9]{4}-[0-9]{2}-[0-9]{2} 00:00:00$", units), paste(time, "units:", units))
  as.Date(sub("^days since ", "", units)) + ncvar_get(nc, time)
}

for (f in c(run_file, compare_file, sweep_file)) {
  nc <- NULL
  quietly(paste("nc_open", basename(f)), nc <- nc_open(f))
  quietly(paste("every global attribute of", basename(f)), g <- ncatt_get(nc, 0))
  check(identical(g$Conventions, "CF-1.8"), paste(basename(f), "Conventions = CF-1.8"))
  check(nchar(g$history) > 0 && nchar(g$references) > 0, paste(basename(f), "has history and references"))
  check(is.integer(g$seed) || is.numeric(g$seed), paste(basename(f), "seed is a number"))
  units <- vapply(nc$var, function(v) v$units, "")
  numeric <- vapply(nc$var, function(v) v$prec != "char" && v$prec != "string", TRUE)
  bad <- names(units)[numeric & units == "" & !(sub("^[^/]+/(draws|sweep)/", "\\1/", names(units)) %in% mixed) &
                      !(names(units) %in% mixed)]
  check(length(bad) == 0, paste(basename(f), length(units), "variables, numeric ones with units", paste(bad, collapse = " ")))
  check(all(units %in% c("", "1", "day") | grepl("^days since ", units)), paste(basename(f), "units are 1 or day"))
  quietly(paste("every variable's attributes of", basename(f)),
          for (v in names(nc$var)) ncatt_get(nc, v))
  nc_close(nc)
}

nc <- nc_open(run_file)
date <- dates_of(nc, "time")
p_war <- ncvar_get(nc, "p_war_by_time")
band <- ncvar_get(nc, "p_war_by_time_interval")  # [bound, time]: R is column-major
check(date[1] == start, paste("first date", format(date[1]), "is the config's start_date"))
check(length(p_war) == length(date) && all(diff(p_war) >= 0) && all(p_war >= 0 & p_war <= 1),
      "P(war by t): one probability per date, never falling")
check(all(band[1, ] <= p_war & p_war <= band[2, ]), "the interval holds P(war by t)")
check(identical(ncatt_get(nc, "p_war_by_time", "ancillary_variables")$value,
                "p_war_by_time_interval war_quantiles war_by_draw"), "p_war_by_time names its interval")
nc_close(nc)

nc <- nc_open(compare_file)
date <- dates_of(nc, paste0(dated_group, "/time"))
check(date[1] == start, "comparison: the dated config's group starts on the start_date")
d <- ncvar_get(nc, "comparison/difference")  # [outcome, config]
check(all(d[, 1] == 0), "comparison: the reference's difference from itself is 0")
nc_close(nc)

nc <- nc_open(sweep_file)
p <- ncvar_get(nc, "sweep/probability")  # [outcome, point]
check(all(dim(p) == c(3, 2)), "sweep: P(war, clash, nuclear) at each of 2 points")
grid <- ncvar_get(nc, "sweep/grid_probability")  # [outcome, restraint_institutions]
x <- ncvar_get(nc, "sweep/restraint_institutions")
check(all(x == c(0, 1)) && all(grid == p), "sweep: the grid over restraint_institutions holds the points' probabilities")
nc_close(nc)

# The R block of docs/loading.md, on the run file.
printed <- quietly("the R example of docs/loading.md", source(snippet, echo = FALSE))
if (failures > 0) { cat(failures, "failed\n"); quit(status = 1) }
cat("all passed\n")
