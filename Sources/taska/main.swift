print("taska")
