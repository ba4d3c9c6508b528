internal import CXGBoost

/// Throws a `ForecastError` naming `call` and XGBoost's own message when an XGBoost C API call returned
/// non-zero. The message is thread-local in XGBoost, so this runs right after the call on the same thread.
func xgboostCheck(_ code: Int32, _ call: @autoclosure () -> String) throws(ForecastError) {
    guard code != 0 else { return }
    let message = XGBGetLastError().map { String(cString: $0) } ?? "no message"
    throw ForecastError("xgboost: \(call()) failed: \(message)")
}
