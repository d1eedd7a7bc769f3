// The real-LND suite: btcd and two LND nodes on regtest (test/support/regtest.ts starts them,
// building LND once if needed). Its parts share one network and restart its shop node, so
// they run here one after the other, in one file, never side by side.
import './network.suite';
import './lnd-contract.suite';
import './money-path.suite';
import './node-connection.suite'; // last: it renews the shop's TLS certificate
