// Run by the mongo image once, on a new data volume (docker-entrypoint-initdb.d): one user per service, in the admin
// database, allowed to read and write its own database and nothing else. Passwords come from .env via the environment.
const users = [
  { user: 'content-service', db: 'qualtrack-content', passwordVariable: 'CONTENT_SERVICE_MONGODB_PASSWORD' },
  { user: 'progress-service', db: 'qualtrack-progress', passwordVariable: 'PROGRESS_SERVICE_MONGODB_PASSWORD' },
  { user: 'report-service', db: 'qualtrack-report', passwordVariable: 'REPORT_SERVICE_MONGODB_PASSWORD' },
];
for (const { user, db: database, passwordVariable } of users) {
  const pwd = process.env[passwordVariable];
  if (!pwd) {
    throw new Error(passwordVariable + ' is not set');
  }
  db.getSiblingDB('admin').createUser({ user, pwd, roles: [{ role: 'readWrite', db: database }] });
}
