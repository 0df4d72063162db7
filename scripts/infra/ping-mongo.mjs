// Exits 0 when the MongoDB-wire server at argv[2] answers a ping within 5 s.
import { MongoClient } from 'mongodb';

const client = new MongoClient(process.argv[2], { serverSelectionTimeoutMS: 5000, directConnection: true });
try {
  await client.db('admin').command({ ping: 1 });
  process.exitCode = 0;
} catch (error) {
  console.error(`no MongoDB answer at ${process.argv[2]}: ${error.message}`);
  process.exitCode = 1;
} finally {
  await client.close();
}
