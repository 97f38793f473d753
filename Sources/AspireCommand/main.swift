import AspireModel

print("aspire 0.1.0")
