/** Managing endpoints for one API key: create, update, rotate, pause, resume, delete, list, deliveries, replay. OWNER: helper E (stub). */
export {};
