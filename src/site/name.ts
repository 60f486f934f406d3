/** The site's name, as every page, feed, preview image, manifest and hosting guide writes it. */
export const SITE_NAME = 'Clusters & Databases, Explained';

/** The name where space is short: an installed app's label under its icon. */
export const SITE_SHORT_NAME = 'Clusters & DBs';
