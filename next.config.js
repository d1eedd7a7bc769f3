/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // server/ is run by the custom server, not bundled by Next.
  typescript: { ignoreBuildErrors: false },
};

module.exports = nextConfig;
