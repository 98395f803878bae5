"""fanzha: structured statistics from Chinese anti-telecom-fraud news."""
