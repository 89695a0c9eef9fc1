var r="11.4.1";export{r as a};
