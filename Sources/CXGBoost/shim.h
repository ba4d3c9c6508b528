// XGBoost's C API (Debian: libxgboost-dev 1.7): gradient-boosted trees for the forecast layer.
#include <xgboost/c_api.h>
