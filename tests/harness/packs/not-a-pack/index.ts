// A module that loads but creates no PolicyPack: startPackInProcess must say so.
export const notAPack = true;
