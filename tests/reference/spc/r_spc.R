# ARL facts from R's spc package (Debian r-cran-spc) for Verdict's EWMA and CUSUM defaults.
# Usage: Rscript r_spc.R OUT.json   (committed: r_spc.json beside this file)
library(spc)
args <- commandArgs(trailingOnly = TRUE)
v <- function(x) format(x, digits = 15)
json <- paste0('{"generator": "tests/reference/spc/r_spc.R", "r": "', R.version.string,
  '", "spc": "', as.character(packageVersion("spc")), '",\n',
  ' "ewma_L_for_arl500_lambda_0.2": ', v(xewma.crit(0.2, 500, sided = "two")), ',\n',
  ' "ewma_arl0_lambda_0.2_L_2.962": ', v(xewma.arl(0.2, 2.962, 0, sided = "two")), ',\n',
  ' "ewma_arl0_lambda_0.2_L_2.962_vacl": ', v(xewma.arl(0.2, 2.962, 0, sided = "two", limits = "vacl")), ',\n',
  ' "ewma_arl0_lambda_0.1_L_2.814": ', v(xewma.arl(0.1, 2.814, 0, sided = "two")), ',\n',
  ' "cusum_arl0_k_0.5_h_5": ', v(xcusum.arl(0.5, 5, 0, sided = "two")), ',\n',
  ' "cusum_arl_k_0.5_h_5_shift_1": ', v(xcusum.arl(0.5, 5, 1, sided = "two")), '}\n')
writeLines(json, args[1], sep = "")
