// Kiosk UI entry (built in issue 6).
export {};
