/**
 * The alias the built-in LND simulator reports in GetInfo: the app opens its test wallet
 * (`/api/dev/pay`) only against a regtest node with this alias. Kept apart from the simulator
 * so that production code can name it without loading the simulator.
 */
export const SIMULATOR_ALIAS = 'boltboard-lnd-simulator';
