// COIN-OR CLP's C interface (Debian: coinor-libclp-dev): the simplex under DSOOptimization's LPs, with duals.
#include <coin/Clp_C_Interface.h>
