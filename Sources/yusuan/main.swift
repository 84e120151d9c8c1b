print("yusuan")
