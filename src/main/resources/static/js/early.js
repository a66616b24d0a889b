// Loaded before the page is drawn: marks the page as scripted, so that the style can fold what
// the scripts open on demand (the action forms of the ticket page). Without script, all shows.
document.documentElement.classList.add('js');
