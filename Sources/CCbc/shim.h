// COIN-OR CBC's C interface (Debian: coinor-libcbc-dev): branch and cut under DSOOptimization's MILPs.
#include <coin/Cbc_C_Interface.h>
