# Italian writes the day without a leading zero: "7 dicembre 2026" (Django's `it` has "07").
DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y, H:i"
