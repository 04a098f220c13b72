"""Month calendars from the plans' schedules: events, years, .ics files, pages."""
