import fs from 'fs';
const g=JSON.parse(fs.readFileSync('data/bangli_villages_boundaries.geojson'));
for (const f of g.features.slice(0,6)){
  const polys = f.geometry.type==='Polygon'?[f.geometry.coordinates]:f.geometry.coordinates;
  const xs=polys.flat(2).map(p=>p[0]), ys=polys.flat(2).map(p=>p[1]);
  const minx=Math.min(...xs),maxx=Math.max(...xs),miny=Math.min(...ys),maxy=Math.max(...ys);
  const fx=(f.properties.interior_lng-minx)/(maxx-minx), fy=(f.properties.interior_lat-miny)/(maxy-miny);
  const dx=(f.properties.interior_lng-minx), dy=(f.properties.interior_lat-miny);
  console.log(f.properties.code, fx.toFixed(5), fy.toFixed(5), dx.toFixed(6), dy.toFixed(6), (maxx-minx).toFixed(5),(maxy-miny).toFixed(5));
  for (const N of [20,25,30,40,50,60,64,80,100,120,128,150,200]) { const a=fx*N, b=fy*N; if (Math.abs(a-Math.round(a))<0.02 && Math.abs(b-Math.round(b))<0.02) process.stdout.write(' N='+N); }
  for (const s of [0.0005,0.001,0.0002,0.00025,0.0001]) { const a=dx/s,b=dy/s; if (Math.abs(a-Math.round(a))<0.02 && Math.abs(b-Math.round(b))<0.02) process.stdout.write(' step='+s); }
  console.log();
}
