print("dsod")
